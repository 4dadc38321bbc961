package dev.retention.api.shared;

import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.ResourceNotFoundException;
import dev.retention.domain.shared.RuleViolationException;
import dev.retention.domain.shared.StaleVersionException;
import dev.retention.domain.shared.Violation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns every error into RFC 9457 Problem Details with a fixed {@code type} per kind of problem, a readable title
 * and, where fields are at fault, an {@code errors} list naming each field and why. Responses never carry stack
 * traces, SQL or class names.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException exception) {
        if (exception.onlyRulesBroken()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(withErrors(
                            problem(
                                    HttpStatus.UNPROCESSABLE_CONTENT,
                                    "rule-violated",
                                    "Business rule violated",
                                    "The request is well-formed but breaks a rule "
                                            + "between its values, the present or stored data; see errors."),
                            exception.violations()));
        }
        return ResponseEntity.badRequest()
                .body(invalidInput("The request has invalid fields; see errors.", exception.violations()));
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException exception) {
        return withErrors(
                problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        exception.problem(),
                        "Business rule violated",
                        exception.getMessage()),
                exception.violations());
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail staleVersion(StaleVersionException exception) {
        return problem(HttpStatus.PRECONDITION_FAILED, exception.problem(), "Stale version", exception.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException exception) {
        return problem(HttpStatus.CONFLICT, exception.problem(), "Conflict", exception.getMessage());
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ProblemDetail notFound(ResourceNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "not-found", exception.resource() + " not found", exception.getMessage());
    }

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception exception) {
        log.warn("Database unavailable: {}", exception.getMessage());
        ProblemDetail body = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "Service temporarily unavailable",
                "The database cannot be reached; retry shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(body);
    }

    /**
     * PostgreSQL stores no NUL character in text or jsonb; such input is refused as a whole by the database and
     * answered with 400 here, whichever field carried it.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> dataRefusedByDatabase(DataIntegrityViolationException exception) {
        if (DatabaseFailures.unstorableText(exception)) {
            return ResponseEntity.badRequest()
                    .body(problem(
                            HttpStatus.BAD_REQUEST,
                            "invalid-text",
                            "Invalid text",
                            "Text values must not contain the NUL character (\\u0000)."));
        }
        return unexpectedOrUnavailable(exception);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpectedOrUnavailable(Exception exception) {
        if (DatabaseFailures.databaseWentAway(exception)) {
            return databaseUnavailable(exception);
        }
        return ResponseEntity.internalServerError().body(unexpected(exception));
    }

    private static ProblemDetail unexpected(Exception exception) {
        log.error("Unexpected error", exception);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "The request failed unexpectedly; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable tooLarge = DatabaseFailures.causeOfType(exception, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "body-too-large",
                            "Request body too large",
                            tooLarge.getMessage() + "."));
        }
        if (DatabaseFailures.causeOfType(exception, StreamConstraintsException.class) != null) {
            return ResponseEntity.badRequest()
                    .body(problem(
                            HttpStatus.BAD_REQUEST,
                            "json-limit-exceeded",
                            "JSON exceeds a limit",
                            "JSON may nest at most 64 levels, with strings of at most 1,000,000 "
                                    + "characters, numbers of at most 64 digits and field names of at most 1,000."));
        }
        ProblemDetail body = problem(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request body",
                "The body is not valid JSON of the expected shape.");
        if (exception.getCause() instanceof JacksonException jackson
                && !jackson.getPath().isEmpty()) {
            String field = FieldExpectations.jsonPath(jackson.getPath());
            body.setDetail("The value of '" + field + "' cannot be read as the expected type.");
            withErrors(body, List.of(new Violation(field, FieldExpectations.of(jackson))));
        }
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BindingResult binding = exception.getBindingResult();
        List<Violation> violations = binding.getFieldErrors().stream()
                .map(error -> new Violation(
                        error.getField(),
                        error.isBindingFailure()
                                ? FieldExpectations.of(binding.getFieldType(error.getField()))
                                : error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest()
                .body(invalidInput("The request has invalid fields; see errors.", violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<Violation> violations = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Violation(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest()
                .body(invalidInput("The request has invalid parameters; see errors.", violations));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = exception.getPropertyName() == null ? "" : exception.getPropertyName();
        return ResponseEntity.badRequest()
                .body(invalidInput(
                        "The value of '" + field + "' has the wrong format.",
                        List.of(new Violation(field, FieldExpectations.of(exception.getRequiredType())))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own exceptions (415, 405, ...) arrive without a body and carry their Problem Details themselves.
        Object problemBody = body == null && exception instanceof ErrorResponse error ? error.getBody() : body;
        if (problemBody instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(ProblemTypes.of("http-" + status.value()));
        }
        return super.handleExceptionInternal(exception, problemBody, headers, status, request);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(type));
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail invalidInput(String detail, List<Violation> violations) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail), violations);
    }

    static ProblemDetail withErrors(ProblemDetail problem, List<Violation> violations) {
        problem.setProperty("errors", violations.stream().map(FieldError::of).toList());
        return problem;
    }
}
