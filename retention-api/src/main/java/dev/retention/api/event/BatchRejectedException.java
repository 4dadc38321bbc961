package dev.retention.api.event;

/** A batch with refused events; nothing of it was written. */
class BatchRejectedException extends RuntimeException {

    private final transient BatchResponse response;

    BatchRejectedException(BatchResponse response) {
        super(null, null, false, false);
        this.response = response;
    }

    BatchResponse response() {
        return response;
    }
}
