package org.freshears.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * Reads a {@code multipart/form-data} upload from the request as it arrives (Jetty's RFC 7578 parser, fed from the
 * servlet input stream), instead of waiting for the servlet container to spool the whole body: each file part is
 * written to its own file in the spool folder as a {@link GrowingFile}, which an {@link Observer} may start reading
 * at once (the web app starts analysing the mix while the rest is still on its way). Text fields are kept in
 * memory, within small limits. A file over {@code maxFileBytes} or a body over {@code maxTotalBytes} is refused
 * with 413 as soon as it is seen; a body that is not multipart, or breaks off, with 400. Closing deletes every
 * spool file that was not {@linkplain FilePart#take taken}.
 */
final class MultipartUpload implements AutoCloseable {
    /** Text fields: at most this many, each at most {@value #MAX_FIELD_BYTES} bytes. */
    static final int MAX_FIELDS = 32;
    static final int MAX_FIELD_BYTES = 64 * 1024;
    private static final int READ_BYTES = 64 * 1024;

    /** Sees each file part as soon as its headers are read, before its content. */
    @FunctionalInterface
    interface Observer {
        /**
         * @param field      the part's form field name
         * @param clientName the file name the client sent
         * @param file       the part's content as it is written
         * @param sizeBound  an upper bound of the part's final size (what is left of the request)
         */
        void fileStarted(String field, String clientName, GrowingFile file, long sizeBound);
    }

    /** One uploaded file, complete, in the spool folder. */
    static final class FilePart {
        private final String field;
        private final String clientName;
        private final GrowingFile file;
        private boolean taken;

        FilePart(String field, String clientName, GrowingFile file) {
            this.field = field;
            this.clientName = clientName;
            this.file = file;
        }

        String clientName() {
            return clientName;
        }

        long size() {
            return file.size();
        }

        /** The spooled file, which the caller now owns (it is no longer deleted on close). */
        Path take() {
            taken = true;
            return file.path();
        }
    }

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<FilePart> files = new ArrayList<>();

    private MultipartUpload() {}

    /**
     * Reads the whole multipart body of {@code req}.
     *
     * @throws ApiException 400 (not multipart, malformed or cut short) or 413 (over a size limit); the spool files
     *                      written so far are deleted
     */
    static MultipartUpload read(HttpServletRequest req, Path spoolDir, long maxFileBytes, long maxTotalBytes,
                                Observer observer) throws IOException {
        String type = req.getContentType();
        String boundary = type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                ? null : MultiPart.extractBoundary(type);
        if (boundary == null || boundary.isEmpty()) {
            throw new ApiException(400, "not a multipart upload: send the mix as multipart/form-data, field 'file'");
        }
        long length = req.getContentLengthLong();
        if (length > maxTotalBytes) throw new ApiException(413, tooLarge(maxFileBytes, maxTotalBytes));
        MultipartUpload up = new MultipartUpload();
        Reader reader = up.new Reader(spoolDir, maxFileBytes, length, observer);
        MultiPart.Parser parser = new MultiPart.Parser(boundary, reader);
        parser.setPartHeadersMaxLength(16 * 1024);
        parser.setMaxParts(MAX_FIELDS + 16);
        byte[] buf = new byte[READ_BYTES];
        try {
            InputStream in = req.getInputStream();
            long total = 0;
            while (!reader.complete) {
                int n = in.read(buf);
                if (n < 0) {
                    parser.parse(Content.Chunk.from(ByteBuffer.allocate(0), true));
                    reader.check();
                    break;
                }
                total += n;
                if (total > maxTotalBytes) throw new ApiException(413, tooLarge(maxFileBytes, maxTotalBytes));
                reader.consumed = total;
                parser.parse(Content.Chunk.from(ByteBuffer.wrap(buf, 0, n), false));
                reader.check();
            }
            if (!reader.complete) throw new ApiException(400, "the upload ended before its last part");
            return up;
        } catch (IOException | RuntimeException e) {
            reader.abort();
            up.close();
            if (e instanceof ApiException) throw e;
            throw new ApiException(400, "the upload broke off (" + e.getMessage() + ")");
        }
    }

    /** Names both limits: the per-file one the upload page shows, and the whole request's (references included). */
    static String tooLarge(long maxFile, long maxTotal) {
        return "the upload is larger than the server's limit of " + (maxFile >> 20) + " MB per file ("
                + (maxTotal >> 20) + " MB for a whole upload, reference tracks included)";
    }

    /** A text field's value, or null. */
    String field(String name) {
        return fields.get(name);
    }

    /** The file parts sent under {@code name}, in order. */
    List<FilePart> files(String name) {
        return files.stream().filter(f -> f.field.equals(name)).toList();
    }

    @Override
    public void close() {
        for (FilePart f : files) {
            if (f.taken) continue;
            try {
                Files.deleteIfExists(f.file.path());
            } catch (IOException ignored) {
                // the spool folder is emptied at the next start as well
            }
        }
    }

    /** Parser events to files and fields; failures are kept and thrown by {@link #check} (Jetty swallows them). */
    private final class Reader extends MultiPart.AbstractPartsListener {
        private final Path spoolDir;
        private final long maxFileBytes;
        private final long contentLength;
        private final Observer observer;
        private GrowingFile current;
        private long currentBytes;
        private ByteArrayOutputStream text;
        private RuntimeException failure;
        private boolean complete;
        long consumed;

        Reader(Path spoolDir, long maxFileBytes, long contentLength, Observer observer) {
            this.spoolDir = spoolDir;
            this.maxFileBytes = maxFileBytes;
            this.contentLength = contentLength;
            this.observer = observer;
        }

        @Override
        public void onPartHeaders() {
            if (failure != null) return;
            String name = getName() == null ? "" : getName();
            if (getFileName() != null) {
                try {
                    GrowingFile f = new GrowingFile(spoolDir.resolve(Ids.next() + ".upload"));
                    files.add(new FilePart(name, getFileName(), f));
                    current = f;
                    currentBytes = 0;
                    // what is left of the request bounds the part (unknown length: no bound, so no early reading)
                    long bound = contentLength < 0 ? -1 : Math.max(0, contentLength - consumed + READ_BYTES);
                    if (observer != null && bound > 0) observer.fileStarted(name, getFileName(), f, bound);
                } catch (IOException e) {
                    failure = new ApiException(500, "cannot store the upload (" + e.getMessage() + ")");
                }
            } else {
                if (fields.size() >= MAX_FIELDS) failure = new ApiException(400, "too many form fields");
                text = new ByteArrayOutputStream();
            }
        }

        @Override
        public void onPartContent(Content.Chunk chunk) {
            try {
                if (failure != null) return;
                ByteBuffer b = chunk.getByteBuffer();
                if (current != null) {
                    currentBytes += b.remaining();
                    if (currentBytes > maxFileBytes) {
                        failure = new ApiException(413, "a file is larger than the server's limit of " + (maxFileBytes >> 20) + " MB");
                        return;
                    }
                    current.append(b);
                } else if (text != null) {
                    if (text.size() + b.remaining() > MAX_FIELD_BYTES) {
                        failure = new ApiException(400, "a form field is longer than " + MAX_FIELD_BYTES + " bytes");
                        return;
                    }
                    byte[] a = new byte[b.remaining()];
                    b.get(a);
                    text.writeBytes(a);
                }
            } catch (IOException e) {
                failure = new ApiException(500, "cannot store the upload (" + e.getMessage() + ")");
            }
            // not released: the chunks wrap our own read buffer, which is not pooled
        }

        @Override
        public void onPart(String name, String fileName, HttpFields headers) {
            if (failure != null) return;
            if (current != null) {
                try {
                    current.complete();
                } catch (IOException e) {
                    failure = new ApiException(500, "cannot store the upload (" + e.getMessage() + ")");
                }
                current = null;
            } else if (text != null && name != null) {
                fields.putIfAbsent(name, text.toString(StandardCharsets.UTF_8));
                text = null;
            }
        }

        @Override
        public void onComplete() {
            complete = true;
        }

        @Override
        public void onFailure(Throwable cause) {
            if (failure == null) failure = new ApiException(400, "not a valid multipart upload (" + cause.getMessage() + ")");
        }

        void check() {
            if (failure != null) throw failure;
        }

        /** The upload will not complete: readers of any file still arriving fail now. */
        void abort() {
            for (FilePart f : files) f.file.fail("the upload broke off");
        }
    }
}
