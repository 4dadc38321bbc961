package dev.retention.domain.imports;

/** A row of an imported file that was not stored: its line number, its text as read, and why. */
public record RefusedRow(long line, String text, String reason) {}
