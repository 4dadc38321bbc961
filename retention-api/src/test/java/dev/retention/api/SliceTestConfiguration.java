package dev.retention.api;

import org.springframework.boot.SpringBootConfiguration;

/**
 * The root of the web slice tests: each test imports the controller it tests with its mapper and the Problem
 * Details advice, and mocks the use cases behind it, so that requests run through Spring MVC (binding, validation,
 * JSON, error answers) without a database or the rest of the service.
 */
@SpringBootConfiguration
public class SliceTestConfiguration {}
