package dev.retention.domain.imports;

/** What an import has done so far: rows read from the file, and of those stored, duplicates and refused. */
public record ImportProgress(long rowsRead, long stored, long duplicates, long refused, long bytesRead) {

    public static final ImportProgress NONE = new ImportProgress(0, 0, 0, 0, 0);
}
