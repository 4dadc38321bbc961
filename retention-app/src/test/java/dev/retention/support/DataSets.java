package dev.retention.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the public data sets, which live outside the project: in {@code RETENTION_DATA_DIR}, by default
 * {@code ../shared/data} beside the project root. A missing data set skips the test with the reason, unless
 * {@code RETENTION_REQUIRE_DATA=true} (as in CI), where it fails it.
 */
public final class DataSets {

    private DataSets() {}

    public static Path require(String dataSet, String file) {
        Path directory = dataDirectory();
        Path path = directory.resolve(dataSet).resolve(file);
        if (!Files.isReadable(path)) {
            String reason = "Data set file " + path + " not found; set RETENTION_DATA_DIR to the folder that holds "
                    + dataSet + "/";
            if (Boolean.parseBoolean(System.getenv("RETENTION_REQUIRE_DATA"))) {
                throw new AssertionError(reason + " (RETENTION_REQUIRE_DATA=true)");
            }
            Assumptions.abort(reason);
        }
        return path;
    }

    private static Path dataDirectory() {
        String configured = System.getenv("RETENTION_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        Path root = directory == null ? Path.of("").toAbsolutePath() : directory;
        return root.resolve("../shared/data").normalize();
    }
}
