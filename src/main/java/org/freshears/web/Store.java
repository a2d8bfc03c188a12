package org.freshears.web;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.freshears.util.Json;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database (file mode, inside the data folder): jobs, analyses, masters, songs and versions.
 * Every write is one short transaction, so a crash leaves each row either before or after a step.
 */
final class Store implements AutoCloseable {
    static final String INTERRUPTED = "interrupted by a server restart";

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS jobs (
          id VARCHAR(32) PRIMARY KEY,
          kind VARCHAR(8) NOT NULL CHECK (kind IN ('analyse', 'master')),
          status VARCHAR(8) NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
          progress DOUBLE PRECISION DEFAULT 0 NOT NULL,
          stage VARCHAR(16),
          error VARCHAR(4000),
          attempts INT DEFAULT 0 NOT NULL,
          input_path VARCHAR(1000) NOT NULL,
          reference_paths VARCHAR(8000) DEFAULT '[]' NOT NULL,
          request_json CHARACTER LARGE OBJECT,
          display_name VARCHAR(500),
          analysis_id VARCHAR(32),
          created_at TIMESTAMP WITH TIME ZONE NOT NULL,
          updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
          started_at TIMESTAMP WITH TIME ZONE,
          finished_at TIMESTAMP WITH TIME ZONE)""",
        "CREATE INDEX IF NOT EXISTS jobs_status ON jobs(status, created_at)",
        """
        CREATE TABLE IF NOT EXISTS analyses (
          id VARCHAR(32) PRIMARY KEY REFERENCES jobs(id),
          document CHARACTER LARGE OBJECT NOT NULL,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS masters (
          id VARCHAR(32) PRIMARY KEY REFERENCES jobs(id),
          result CHARACTER LARGE OBJECT NOT NULL,
          output_path VARCHAR(1000) NOT NULL,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS songs (
          id VARCHAR(32) PRIMARY KEY,
          name_key VARCHAR(500) NOT NULL UNIQUE,
          name VARCHAR(500) NOT NULL,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS versions (
          analysis_id VARCHAR(32) PRIMARY KEY REFERENCES jobs(id),
          song_id VARCHAR(32) NOT NULL REFERENCES songs(id),
          version_no INT NOT NULL,
          UNIQUE (song_id, version_no))"""
    };

    private final JdbcConnectionPool pool;

    Store(Path dataDir) throws SQLException {
        // DB_CLOSE_ON_EXIT=FALSE: H2's own exit hook would close the database while a stopping worker still
        // writes its job back as queued (a stack trace at every restart, found by bench/web_check.sh). The
        // server's shutdown hook closes the store itself, after the workers have stopped.
        // WRITE_DELAY=0: each commit is written when it is made, by the committing thread, so H2 runs no
        // background writer. That thread wakes every 166 ms (a third of the default 500 ms delay) and, on this
        // 2-core VM, each wake-up costs tens of ms of CPU: measured per thread, it took 26-29 % of a core while
        // the server sat idle and 0.4-1.2 s of CPU during each 4-minute upload, taken from the analysis. Our
        // commits are few and small (a job row, a progress update every 0.5 s, one analysis document), and a
        // commit that is on disk at once is what a restart in the middle of a job wants anyway.
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("freshears").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        pool = JdbcConnectionPool.create(url, "freshears", "");
        pool.setMaxConnections(32);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String sql : SCHEMA) s.execute(sql);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T t = work.run(c);
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    void insertJob(Job j) {
        tx(c -> {
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO jobs(id, kind, status, progress, stage, attempts, input_path, reference_paths,
                      request_json, display_name, analysis_id, created_at, updated_at)
                    VALUES (?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?)""")) {
                Timestamp t = now();
                p.setString(1, j.id());
                p.setString(2, j.kind());
                p.setString(3, j.status());
                p.setString(4, j.stage());
                p.setString(5, j.inputPath());
                p.setString(6, Json.write(j.referencePaths()));
                p.setString(7, j.requestJson());
                p.setString(8, j.displayName());
                p.setString(9, j.analysisId());
                p.setTimestamp(10, t);
                p.setTimestamp(11, t);
                return p.executeUpdate();
            }
        });
    }

    Optional<Job> job(String id) {
        return tx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT * FROM jobs WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(job(r)) : Optional.<Job>empty();
                }
            }
        });
    }

    private static Job job(ResultSet r) throws SQLException {
        List<String> refs = Json.mapper().convertValue(Json.read(r.getString("reference_paths"), List.class),
                new TypeReference<List<String>>() {});
        return new Job(r.getString("id"), r.getString("kind"), r.getString("status"), r.getDouble("progress"),
                r.getString("stage"), r.getString("error"), r.getInt("attempts"), r.getString("input_path"), refs,
                r.getString("request_json"), r.getString("display_name"), r.getString("analysis_id"));
    }

    /** Marks a queued job running and counts the attempt; false when it is no longer queued. */
    boolean start(String id) {
        return tx(c -> {
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = ?, updated_at = ?,
                      progress = 0 WHERE id = ? AND status = 'queued'""")) {
                Timestamp t = now();
                p.setTimestamp(1, t);
                p.setTimestamp(2, t);
                p.setString(3, id);
                return p.executeUpdate() == 1;
            }
        });
    }

    void progress(String id, String stage, double fraction) {
        tx(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE jobs SET stage = ?, progress = ?, updated_at = ? WHERE id = ? AND status = 'running'")) {
                p.setString(1, stage);
                p.setDouble(2, fraction);
                p.setTimestamp(3, now());
                p.setString(4, id);
                return p.executeUpdate();
            }
        });
    }

    void finishAnalysis(String id, String document) {
        tx(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO analyses(id, document, created_at) VALUES (?, ?, ?)")) {
                p.setString(1, id);
                p.setString(2, document);
                p.setTimestamp(3, now());
                p.executeUpdate();
            }
            return done(c, id);
        });
    }

    void finishMaster(String id, String result, String outputPath) {
        tx(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO masters(id, result, output_path, created_at) VALUES (?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setString(2, result);
                p.setString(3, outputPath);
                p.setTimestamp(4, now());
                p.executeUpdate();
            }
            return done(c, id);
        });
    }

    private static int done(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                UPDATE jobs SET status = 'done', progress = 1, stage = 'done', error = NULL, finished_at = ?,
                  updated_at = ? WHERE id = ?""")) {
            Timestamp t = now();
            p.setTimestamp(1, t);
            p.setTimestamp(2, t);
            p.setString(3, id);
            return p.executeUpdate();
        }
    }

    void fail(String id, String error) {
        tx(c -> {
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE jobs SET status = 'failed', error = ?, finished_at = ?, updated_at = ? WHERE id = ?""")) {
                Timestamp t = now();
                p.setString(1, error.length() > 3900 ? error.substring(0, 3900) : error);
                p.setTimestamp(2, t);
                p.setTimestamp(3, t);
                p.setString(4, id);
                return p.executeUpdate();
            }
        });
    }

    /**
     * After a restart: a job that was running when the server died goes back to the queue if it has had only
     * one attempt, and fails with {@link #INTERRUPTED} after that. Returns every queued job id, oldest first.
     */
    List<String> recover() {
        return tx(c -> {
            Timestamp t = now();
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE jobs SET status = 'failed', error = ?, finished_at = ?, updated_at = ?
                    WHERE status = 'running' AND attempts >= 2""")) {
                p.setString(1, INTERRUPTED + " (tried twice)");
                p.setTimestamp(2, t);
                p.setTimestamp(3, t);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE jobs SET status = 'queued', progress = 0, stage = 'queued', updated_at = ?
                    WHERE status = 'running'""")) {
                p.setTimestamp(1, t);
                p.executeUpdate();
            }
            List<String> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM jobs WHERE status = 'queued' ORDER BY created_at, id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) ids.add(r.getString(1));
            }
            return ids;
        });
    }

    Optional<String> analysis(String id) {
        return text("SELECT document FROM analyses WHERE id = ?", id);
    }

    Optional<String> masterResult(String id) {
        return text("SELECT result FROM masters WHERE id = ?", id);
    }

    Optional<String> masterOutput(String id) {
        return text("SELECT output_path FROM masters WHERE id = ?", id);
    }

    private Optional<String> text(String sql, String id) {
        return tx(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Links an analysis to its song (created on first use) as the next version; returns the version number. */
    synchronized int addVersion(String analysisId, String songName, String songKey) {
        return tx(c -> {
            String songId = null;
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM songs WHERE name_key = ?")) {
                p.setString(1, songKey);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) songId = r.getString(1);
                }
            }
            if (songId == null) {
                songId = Ids.next();
                try (PreparedStatement p = c.prepareStatement("INSERT INTO songs(id, name_key, name, created_at) VALUES (?, ?, ?, ?)")) {
                    p.setString(1, songId);
                    p.setString(2, songKey);
                    p.setString(3, songName);
                    p.setTimestamp(4, now());
                    p.executeUpdate();
                }
            }
            int next;
            try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(version_no), 0) + 1 FROM versions WHERE song_id = ?")) {
                p.setString(1, songId);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    next = r.getInt(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO versions(analysis_id, song_id, version_no) VALUES (?, ?, ?)")) {
                p.setString(1, analysisId);
                p.setString(2, songId);
                p.setInt(3, next);
                p.executeUpdate();
            }
            return next;
        });
    }

    /** A version of a song: the analysis id, its number and the song's name. */
    record Version(String analysisId, int number, String song) {
    }

    Optional<Version> version(String analysisId) {
        return tx(c -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT v.analysis_id, v.version_no, s.name FROM versions v JOIN songs s ON s.id = v.song_id
                    WHERE v.analysis_id = ?""")) {
                p.setString(1, analysisId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Version(r.getString(1), r.getInt(2), r.getString(3)))
                            : Optional.<Version>empty();
                }
            }
        });
    }

    /** The latest earlier version of the same song whose analysis is done. */
    Optional<Version> previousVersion(String analysisId) {
        return otherVersion(analysisId, "<");
    }

    /** The newest later version of the same song whose analysis is done. */
    Optional<Version> newestVersion(String analysisId) {
        return otherVersion(analysisId, ">");
    }

    /** The highest-numbered done version of the same song whose number is {@code relation} ("<" or ">") this one's. */
    private Optional<Version> otherVersion(String analysisId, String relation) {
        return tx(c -> {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT v.analysis_id, v.version_no, s.name FROM versions v
                    JOIN versions me ON me.song_id = v.song_id AND me.analysis_id = ?
                    JOIN songs s ON s.id = v.song_id
                    JOIN jobs j ON j.id = v.analysis_id AND j.status = 'done'
                    WHERE v.version_no %s me.version_no ORDER BY v.version_no DESC LIMIT 1""".formatted(relation))) {
                p.setString(1, analysisId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Version(r.getString(1), r.getInt(2), r.getString(3)))
                            : Optional.<Version>empty();
                }
            }
        });
    }

    /** A job interrupted by an orderly stop goes back to the queue without using up its retry. */
    void requeue(String id) {
        tx(c -> {
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE jobs SET status = 'queued', attempts = GREATEST(attempts - 1, 0), progress = 0,
                      stage = 'queued' WHERE id = ? AND status = 'running'""")) {
                p.setString(1, id);
                return p.executeUpdate();
            }
        });
    }

    /** Test and tooling hook: forces a job's state as a crash would leave it. */
    void forceState(String id, String status, int attempts) {
        tx(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET status = ?, attempts = ? WHERE id = ?")) {
                p.setString(1, status);
                p.setInt(2, attempts);
                p.setString(3, id);
                return p.executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already closed
        }
        pool.dispose();
    }
}
