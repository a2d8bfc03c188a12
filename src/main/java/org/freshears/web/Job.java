package org.freshears.web;

import java.util.List;

/**
 * One row of the {@code jobs} table.
 *
 * @param kind           {@code analyse} or {@code master}
 * @param status         {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param attempts       how many times a worker has started it (a restart retries a running job once)
 * @param inputPath      the stored upload (analyse) or the analysed upload (master), relative to the data folder
 * @param referencePaths stored reference uploads, relative to the data folder
 * @param requestJson    what was asked: genre, platform, chain, amount ...
 * @param displayName    the client's file name, for display only (never a path)
 * @param analysisId     for a master job, the analysis it masters; else null
 */
record Job(String id, String kind, String status, double progress, String stage, String error, int attempts,
           String inputPath, List<String> referencePaths, String requestJson, String displayName, String analysisId) {
    static final String ANALYSE = "analyse";
    static final String MASTER = "master";
    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
}
