package org.freshears.web;

/** A request that cannot be served: the HTTP status and one clear sentence for the {@code {error}} body. */
final class ApiException extends RuntimeException {
    final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }
}
