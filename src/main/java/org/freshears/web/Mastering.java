package org.freshears.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.freshears.advice.Platform;
import org.freshears.analysis.ProgressListener;

/**
 * The one seam between the web app and mastering: what chain to suggest, and how to render a chain, re-analyse
 * the render and return the {@code freshears.master/1} result. {@link PipelineMastering} fills it with the shared
 * pipeline's closed loop; swapping it is one line in {@link WebApp}.
 */
interface Mastering {

    /** What the user asked for: an edited chain (or null for the suggestion), platform, target, amount 0…1. */
    record Request(JsonNode chain, Platform platform, Double integratedLufs, Double amount, List<Path> references) {
        public Request {
            platform = platform == null ? Platform.DEFAULT : platform;
            if (amount != null && !(amount >= 0 && amount <= 1)) throw new ApiException(400, "amount must be between 0 and 1");
            references = references == null ? List.of() : List.copyOf(references);
        }
    }

    /** The chain the editor starts from ({@code {stages: [...]}}). */
    JsonNode suggestedChain(JsonNode analysis, Platform platform);

    /** Renders {@code input} to {@code output} (24-bit WAV) and returns the master result document. */
    JsonNode master(Path input, String displayName, JsonNode analysis, Request request, Path output,
                    ProgressListener progress) throws Exception;
}
