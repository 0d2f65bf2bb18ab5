package dev.decaybench.runner.classify.facts;

import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The catalogue of log lines the classifier understands, most specific first: a line is
 * attributed to the first signature it matches. Query-composition errors come before generic
 * database errors (the same line often names both), framework and auth errors before generic
 * exceptions.
 */
public final class LogSignatures {

  private static final List<LogSignature> ALL = new ArrayList<>();

  static {
    sig("run-script-missing", Kind.MISSING_RUN_SCRIPT, "shell",
        "(?i)run\\.sh\\W*(?:not found|no such file)|can't open (?:file )?'?[./]*run\\.sh", "run.sh");

    sig("jwt-used-as-id", Kind.AUTH, "auth", "(?:expected a number but got|invalid literal for int\\(\\) with base 10:) '?eyJ",
        "eyJ");
    sig("password-hash-limit", Kind.AUTH, "bcrypt", null, "password cannot be longer than 72 bytes",
        "password length exceeds 72 bytes");
    sig("id-null-in-path", Kind.STATE, "code",
        "(?:invalid literal for int\\(\\) with base 10:|expected a number but got) '(?:null|None|undefined|NaN)'"
        + "|invalid input syntax for type \\w+: \"(?:null|undefined|NaN|None)\"",
        "invalid literal for int()", "expected a number but got", "invalid input syntax for type");
    sig("db-extension-missing", Kind.DATABASE, "postgres",
        "function (?:uuid_generate_v\\d\\w*|gen_random_uuid|crypt|gen_salt)\\(.*\\) does not exist", "function ");
    sig("dependent-row-missing", Kind.STATE, "django", null, "RelatedObjectDoesNotExist");

    sig("sql-operator-mismatch", Kind.QUERY, "postgres", null, "operator does not exist", "UndefinedFunction");
    sig("sql-function-missing", Kind.QUERY, "postgres", "function [\\w.]+\\(.*\\) does not exist", "function ");
    sig("sql-bad-literal", Kind.QUERY, "postgres", null, "invalid input syntax for type",
        "InvalidTextRepresentation", "invalid input value for enum");
    sig("sql-ambiguous-column", Kind.QUERY, "postgres", "column reference \".*\" is ambiguous", "is ambiguous");
    sig("sql-missing-from", Kind.QUERY, "postgres", null, "missing FROM-clause entry");
    sig("sql-group-by", Kind.QUERY, "postgres", null, "must appear in the GROUP BY clause",
        "ORDER BY expressions must appear in select list", "more than one row returned by a subquery");
    sig("sqlalchemy-array-contains", Kind.QUERY, "sqlalchemy", null, "ARRAY.contains() not implemented");
    sig("sqlalchemy-join", Kind.QUERY, "sqlalchemy", null, "Don't know how to join", "MultipleResultsFound",
        "Can't determine which FROM clause to join", "Neither 'InstrumentedAttribute' object nor 'Comparator' object");
    sig("django-field-type", Kind.QUERY, "django", "Field '\\w+' expected a number but got", "expected a number but got");
    sig("django-bad-lookup", Kind.QUERY, "django", null, "Cannot resolve keyword", "Unsupported lookup");
    // A timezone-aware datetime written to a naive column: the model's column type, not the query.
    sig("datetime-timezone", Kind.DATABASE, "orm", null, "offset-naive and offset-aware");
    sig("asyncpg-argument", Kind.QUERY, "asyncpg", null, "invalid input for query argument");
    sig("sequelize-undefined-where", Kind.QUERY, "sequelize", null, "has invalid \"undefined\" value");
    sig("sql-parameter-type", Kind.QUERY, "postgres", null, "could not determine data type of parameter",
        "IndeterminateDatatype", "could not determine polymorphic type", "bind message supplies");
    sig("sql-syntax", Kind.QUERY, "sql", null, "syntax error at or near", "syntax error at end of input",
        "unterminated dollar-quoted string", "unrecognized token", "argument of WHERE must be type",
        "each UNION query must have the same number of columns", "ambiguous column name");
    sig("sql-parameter-count", Kind.QUERY, "sqlite", null, "Too many parameter values were provided", "SQLITE_RANGE",
        "Incorrect number of bindings supplied", "not all arguments converted during string formatting");
    sig("sql-function-unsupported", Kind.QUERY, "sqlite", null, "no such function", "is not supported on this database backend",
        "NotSupportedError");
    sig("sequelize-invalid-value", Kind.QUERY, "sequelize", "^\\s*\\w*Error: Invalid value (?:\\w+ )?\\{", "Invalid value");

    sig("db-unreachable", Kind.DATABASE_UNREACHABLE, "postgres",
        "(?i)5432|postgres|database|could not connect|is the server running", "ECONNREFUSED",
        "Connection refused", "connection refused", "Connect call failed", "could not connect to server",
        "ENOTFOUND postgres", "could not translate host name", "password authentication failed",
        "SequelizeConnectionRefusedError", "SequelizeConnectionError", "SequelizeHostNotFoundError",
        "SequelizeAccessDeniedError");

    sig("db-event-loop", Kind.DATABASE, "asyncio", null, "attached to a different loop",
        "cannot perform operation: another operation is in progress");
    // Connections and sessions used outside their lifecycle: reused, leaked or never awaited.
    sig("db-connection-lifecycle", Kind.DATABASE, "driver", null, "threads can only be started once",
        "non-checked-in connection", "has been released back to the pool", "connection is closed",
        "Connection is closed", "pool is closed", "ConnectionDoesNotExistError");
    sig("db-session-not-awaited", Kind.DATABASE, "python",
        "coroutine '[\\w.]*(?:[Ss]ession|[Dd]b|[Dd]atabase|[Cc]onnect\\w*|[Pp]ool|[Ee]ngine|[Rr]epo\\w*)\\w*'"
        + " was never awaited", "was never awaited");
    sig("sqlalchemy-session", Kind.DATABASE, "sqlalchemy", null, "DetachedInstanceError",
        "is not bound to a Session", "MissingGreenlet", "greenlet_spawn has not been called",
        "PendingRollbackError", "ObjectDeletedError", "StaleDataError", "UnmappedInstanceError",
        "QueuePool limit", "NoForeignKeysError", "AmbiguousForeignKeysError");
    sig("sqlalchemy-error", Kind.DATABASE, "sqlalchemy", null, "sqlalchemy.exc.", "sqlalchemy.orm.exc.");
    sig("sequelize-error", Kind.DATABASE, "sequelize", null, "SequelizeEagerLoadingError", "is not associated to",
        "SequelizeDatabaseError", "SequelizeUniqueConstraintError", "SequelizeForeignKeyConstraintError",
        "SequelizeValidationError", "SequelizeAssociationError", "SequelizeConnectionAcquireTimeoutError",
        "SequelizeBaseError", "SequelizeTimeoutError");
    sig("sql-missing-object", Kind.DATABASE, "postgres",
        "relation \"[^\"]+\" does not exist|column \"?[^\"\\s]+\"? (?:of relation \"[^\"]+\" )?does not exist",
        " does not exist");
    sig("sql-constraint", Kind.DATABASE, "postgres", null, "duplicate key value violates unique constraint",
        "violates foreign key constraint", "violates not-null constraint", "null value in column",
        "UniqueViolation", "ForeignKeyViolation", "NotNullViolation", "UndefinedTable", "UndefinedColumn",
        "current transaction is aborted", "InFailedSqlTransaction");
    sig("python-db-driver", Kind.DATABASE, "psycopg2", null, "psycopg2.", "psycopg.errors", "asyncpg.exceptions",
        "another operation is in progress", "IntegrityError", "ProgrammingError", "OperationalError",
        "django.db.utils.", "SynchronousOnlyOperation", "TransactionManagementError", "'sqlite3.Row' object");
    sig("sqlite-error", Kind.DATABASE, "sqlite", null, "sqlite3.", "SQLITE_ERROR", "SQLITE_CONSTRAINT",
        "no such table", "no such column", "UNIQUE constraint failed", "NOT NULL constraint failed",
        "FOREIGN KEY constraint failed", "database is locked", "SQLite objects created in a thread", "SQLITE_CANTOPEN",
        "has no column named", "SQLITE_MISUSE", "Cannot operate on a closed database", "Please install sqlite3 package");
    sig("node-pg-pool", Kind.DATABASE, "pg", null, "Client has already been released",
        "Cannot use a pool after calling end on the pool", "timeout exceeded when trying to connect",
        "too many clients already", "Connection terminated unexpectedly", "QueryFailedError",
        "PrismaClientKnownRequestError", "KnexTimeoutError");

    sig("fastify-jwt", Kind.AUTH, "fastify", null, "FST_JWT_", "Format is Authorization: Bearer");
    sig("jwt-error", Kind.AUTH, "jwt", null, "JsonWebTokenError", "TokenExpiredError", "NotBeforeError",
        "invalid signature", "jwt malformed", "jwt must be provided", "jwt expired",
        "secretOrPrivateKey must have a value", "InvalidSignatureError", "ExpiredSignatureError",
        "InvalidTokenError", "jwt.exceptions", "jose.exceptions", "JWTError", "DecodeError",
        "JwtTokenInvalid", "JwtHeaderInvalid", "JwtTokenSignatureMismatched", "JwtTokenExpired",
        "Signature verification failed", "UnauthorizedError", "No authorization token was found");
    sig("auth-rejected", Kind.AUTH, "http", null, "Unauthorized: /", "Not authenticated",
        "Authentication credentials were not provided", "AuthenticationFailed", "Could not validate credentials",
        "Invalid token", "invalid token", "Missing Authorization Header");

    sig("fastify-empty-json", Kind.FRAMEWORK, "fastify", null, "FST_ERR_CTP_EMPTY_JSON_BODY",
        "Body cannot be empty when content-type is set to 'application/json'");
    sig("fastify-error", Kind.FRAMEWORK, "fastify", null, "FST_ERR_CTP_", "FST_ERR_REP_ALREADY_SENT",
        "Reply was already sent", "FST_ERR_BAD_STATUS_CODE", "FST_ERR_SEND_");
    sig("django-append-slash", Kind.FRAMEWORK, "django", null, "APPEND_SLASH", "doesn't end in a slash");
    sig("django-csrf", Kind.FRAMEWORK, "django", null, "CSRF verification failed", "Forbidden (CSRF",
        "CSRF token missing", "CSRF cookie not set");
    sig("django-host", Kind.FRAMEWORK, "django", null, "DisallowedHost", "Invalid HTTP_HOST header");
    sig("drf-request-type", Kind.FRAMEWORK, "django", null, "must be an instance of `django.http.HttpRequest`");
    sig("route-param-mismatch", Kind.FRAMEWORK, "flask",
        "TypeError: \\w+\\(\\) got an unexpected keyword argument '(?:slug|comment_id|commentId|article_slug)'",
        "got an unexpected keyword argument");
    sig("node-fetch-duplex", Kind.FRAMEWORK, "hono", null, "duplex option is required", "RequestInit: duplex");
    sig("aiohttp-handler-return", Kind.FRAMEWORK, "aiohttp", null, "should return response instance");
    sig("flask-json-body", Kind.FRAMEWORK, "flask", null, "Failed to decode JSON object",
        "The browser (or proxy) sent a request that this server could not understand",
        "Did not attempt to load JSON data", "Unsupported Media Type");
    sig("empty-json-body", Kind.FRAMEWORK, "json", null, "Expecting value: line 1 column 1 (char 0)",
        "Unexpected end of JSON input");
    sig("node-body-undefined", Kind.FRAMEWORK, "express/koa",
        "'(?:req|ctx\\.request|ctx|request)\\.body' as it is undefined|\\(reading '(?:user|article|comment)'\\)",
        "as it is undefined", "Cannot read properties of undefined (reading");
    sig("node-headers-sent", Kind.FRAMEWORK, "express", null, "ERR_HTTP_HEADERS_SENT",
        "Cannot set headers after they are sent to the client");
    sig("hono-adapter", Kind.FRAMEWORK, "hono", null, "headers.get is not a function", "Context is not finalized",
        "c.req.raw", "Failed to parse URL from");

    sig("response-validation", Kind.SCHEMA, "fastapi/fastify", null, "ResponseValidationError",
        "RequestValidationError", "FST_ERR_VALIDATION", "FST_ERR_FAILED_ERROR_SERIALIZATION");

    sig("not-implemented", Kind.NOT_IMPLEMENTED, "code",
        "^(?!\\s*raise\\b)(?!\\s*throw\\b).*(?:NotImplementedError|[Nn]ot [Ii]mplemented)",
        "NotImplementedError", "ot implemented", "ot Implemented");

    sig("python-import", Kind.STARTUP, "python", null, "ModuleNotFoundError", "ImportError", "No module named");
    sig("syntax-error", Kind.STARTUP, "code", null, "SyntaxError", "IndentationError", "TabError", "TSError",
        "error TS");
    sig("asgi-wsgi-load", Kind.STARTUP, "python", null, "Error loading ASGI app", "Could not import module",
        "Worker failed to boot", "Failed to find attribute", "ImproperlyConfigured", "Application startup failed");
    sig("port-in-use", Kind.STARTUP, "os", null, "EADDRINUSE", "Address already in use", "address already in use");
    sig("node-module-missing", Kind.STARTUP, "node", null, "Cannot find module", "MODULE_NOT_FOUND",
        "Cannot find package", "ERR_REQUIRE_ESM", "Cannot use import statement outside a module",
        "ERR_UNKNOWN_FILE_EXTENSION");
    sig("command-missing", Kind.STARTUP, "shell", null, "command not found", ": not found", "Missing script",
        "missing script", "Permission denied", "exec format error");

    sig("exception-line", Kind.APP_EXCEPTION, "code",
        "^\\s*(?:[\\w.$]+\\.)?(?:[A-Z]\\w*)?(?:Error|Exception)\\b(?::|\\s|$)|Unhandled(?:Promise)?Rejection|Internal Server Error",
        "Error", "Exception", "Unhandled", "Internal Server Error");
  }

  private LogSignatures() {}

  private static void sig(String id, Kind kind, String origin, String regex, String... needles) {
    ALL.add(new LogSignature(id, kind, origin, List.of(needles), regex == null ? null : Pattern.compile(regex)));
  }

  public static List<LogSignature> all() {
    return List.copyOf(ALL);
  }

  /** The first signature a line matches, or null. */
  public static LogSignature firstMatch(String line) {
    for (LogSignature s : ALL) {
      if (s.matches(line)) {
        return s;
      }
    }
    return null;
  }
}
