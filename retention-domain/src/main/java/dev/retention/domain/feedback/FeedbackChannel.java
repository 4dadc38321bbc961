package dev.retention.domain.feedback;

/** Where the customer gave the feedback. */
public enum FeedbackChannel {
    EMAIL,
    SMS,
    APP_PUSH,
    PHONE,
    IN_STORE,
    WEB
}
