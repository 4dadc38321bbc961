package dev.retention.app.imports;

import dev.retention.domain.imports.ImportFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Uploaded files in a directory of this instance, one per import, streamed to disk and never held in memory. */
class DirectoryImportFiles implements ImportFiles {

    private final Path dir;

    DirectoryImportFiles(Path dir) {
        this.dir = dir;
    }

    @Override
    public long store(UUID id, InputStream body) throws IOException {
        Files.createDirectories(dir);
        Path partial = dir.resolve(id + ".part");
        long size = Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, file(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return size;
    }

    @Override
    public InputStream open(UUID id) throws IOException {
        return Files.newInputStream(file(id));
    }

    @Override
    public void delete(UUID id) {
        try {
            Files.deleteIfExists(file(id));
            Files.deleteIfExists(dir.resolve(id + ".part"));
        } catch (IOException ignored) {
            // a file left behind is removed with the directory; the import's outcome does not depend on it
        }
    }

    private Path file(UUID id) {
        return dir.resolve(id + ".csv");
    }
}
