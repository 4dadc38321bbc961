package dev.retention.domain.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/** Where an import's file waits between its upload and its run. */
public interface ImportFiles {

    /** Stores the body as the import's file, streaming it; returns its size in bytes. */
    long store(UUID id, InputStream body) throws IOException;

    InputStream open(UUID id) throws IOException;

    void delete(UUID id);
}
