package dev.retention.domain.shared;

/** The addressed resource does not exist. */
public class ResourceNotFoundException extends RuntimeException {

    private final String resource;
    private final String identifier;

    public ResourceNotFoundException(String resource, Object identifier) {
        super(resource + " " + identifier + " does not exist");
        this.resource = resource;
        this.identifier = String.valueOf(identifier);
    }

    /** Not found, with a message that says why. */
    public ResourceNotFoundException(String resource, Object identifier, String message) {
        super(message);
        this.resource = resource;
        this.identifier = String.valueOf(identifier);
    }

    public String resource() {
        return resource;
    }

    public String identifier() {
        return identifier;
    }
}
