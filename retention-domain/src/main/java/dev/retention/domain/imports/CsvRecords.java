package dev.retention.domain.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file record by record (RFC 4180: fields in double quotes may hold the delimiter, line breaks and
 * doubled quotes; lines end in CRLF or LF), never more than one record in memory. A record longer than
 * {@link #MAX_RECORD_LENGTH} characters is read to its end but kept {@link Record#tooLong()}.
 */
final class CsvRecords {

    static final int MAX_RECORD_LENGTH = 65_536;

    /** One record: its fields, the line it starts on, and its text as read (for the refused rows). */
    record Record(List<String> fields, long line, String text, boolean tooLong) {}

    private final Reader in;
    private final char delimiter;
    private long line = 1;
    private int pushedBack = -2;
    private boolean first = true;

    CsvRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The next record, or null at the end of the file. Empty lines are skipped. */
    Record next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            pushedBack = c;
            return record();
        }
    }

    private Record record() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        StringBuilder text = new StringBuilder();
        boolean quoted = false;
        boolean tooLong = false;
        while (true) {
            int c = read();
            if (c == -1 || (!quoted && (c == '\n' || c == '\r'))) {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n' && after != -1) {
                        pushedBack = after;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return new Record(fields, start, text.toString(), tooLong);
            }
            if (text.length() < MAX_RECORD_LENGTH) {
                text.append((char) c);
            } else {
                tooLong = true;
            }
            if (quoted) {
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        if (text.length() < MAX_RECORD_LENGTH) {
                            text.append('"');
                        }
                        append(field, '"');
                    } else {
                        quoted = false;
                        pushedBack = after;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, (char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                append(field, (char) c);
            }
        }
    }

    private static void append(StringBuilder field, char c) {
        if (field.length() < MAX_RECORD_LENGTH) {
            field.append(c);
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        int c = in.read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                return in.read();
            }
        }
        return c;
    }
}
