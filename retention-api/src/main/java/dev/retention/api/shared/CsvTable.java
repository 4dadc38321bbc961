package dev.retention.api.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An answer's JSON as one table, with exactly the values of the JSON. The rows are the innermost objects of the
 * answer's lists: a list at the top (or the first list of objects of the answer) gives one row per element, and a
 * list of objects inside an element (the periods of a segment, the offsets of a cohort) one row per inner element,
 * each carrying its outer element's values under the list's name (such as {@code segments.segment}). Values beside
 * the list (the answer's settings, totals) are repeated on every row; nested objects become dotted columns
 * ({@code movements.expansion.amount}); a list of plain values is one cell joined by {@code |}. An answer without a
 * list of objects is one row; a second list of objects beside the first (the RFM grid's cells beside its segments)
 * is left out.
 */
final class CsvTable {

    private final List<Map<String, JsonNode>> rows = new ArrayList<>();
    private final Set<String> columns = new LinkedHashSet<>();

    private CsvTable() {}

    static CsvTable of(JsonNode answer) {
        return of(answer, List.of());
    }

    /** With {@code columns} first, in their order, whether or not a value fills them; then any others found. */
    static CsvTable of(JsonNode answer, List<String> columns) {
        CsvTable table = new CsvTable();
        table.columns.addAll(columns);
        if (answer.isArray()) {
            answer.forEach(element -> table.collect(element, Map.of(), ""));
        } else {
            table.collect(answer, Map.of(), "");
        }
        return table;
    }

    /**
     * Adds the rows of {@code node}. Without a list of objects it is a row: {@code inherited} and its own values under
     * their own names. With one, its other values, named with {@code prefix}, go with {@code inherited} onto every row
     * of that list's elements.
     */
    private void collect(JsonNode node, Map<String, JsonNode> inherited, String prefix) {
        String list = rowList(node);
        Map<String, JsonNode> values = new LinkedHashMap<>(inherited);
        node.properties().forEach(field -> {
            if (!field.getKey().equals(list)) {
                flatten(field.getValue(), (list == null ? "" : prefix) + field.getKey(), values);
            }
        });
        columns.addAll(values.keySet());
        if (list == null) {
            rows.add(values);
        } else {
            node.get(list).forEach(element -> collect(element, values, prefix + list + "."));
        }
    }

    /** The first list of objects of a node (or, when it has none, its first empty list), or null. */
    private static String rowList(JsonNode node) {
        String empty = null;
        for (var field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                return field.getKey();
            }
            if (value.isArray() && value.isEmpty() && empty == null) {
                empty = field.getKey();
            }
        }
        return empty;
    }

    private static void flatten(JsonNode value, String name, Map<String, JsonNode> row) {
        if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
            return; // a second list of objects: the table has room for one
        }
        if (value.isObject()) {
            value.properties().forEach(field -> flatten(field.getValue(), name + "." + field.getKey(), row));
        } else {
            row.put(name, value);
        }
    }

    /** Writes the header row and the rows (RFC 4180: CRLF line ends, quotes where needed). */
    void write(Writer out) throws IOException {
        List<String> header = new ArrayList<>(columns);
        writeLine(out, header.stream().map(CsvTable::quoted).toList());
        for (Map<String, JsonNode> row : rows) {
            List<String> cells = new ArrayList<>(header.size());
            for (String column : header) {
                cells.add(cell(row.get(column)));
            }
            writeLine(out, cells);
        }
        out.flush();
    }

    private static void writeLine(Writer out, List<String> cells) throws IOException {
        out.write(String.join(",", cells));
        out.write("\r\n");
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(part -> parts.add(part.isValueNode() ? part.asString() : part.toString()));
            return quoted(defused(String.join("|", parts)));
        }
        return quoted(defused(value.asString()));
    }

    /**
     * A text that a spreadsheet would run as a formula (starting with =, +, - or @) gets a leading apostrophe, so
     * that opening an export never executes what a client once stored as a name or an id.
     */
    private static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
