package org.freshears.web;

import java.util.List;
import org.freshears.model.ReferenceModel;
import org.freshears.pipeline.Pipeline;

/** The genres the upload page offers: the loaded model's, else a fixed list (the mix is then judged by rules). */
final class Genres {
    static final List<String> FALLBACK = List.of("pop", "rock", "hiphop", "rnb", "electronic", "house", "techno",
            "drum-and-bass", "ambient", "metal", "jazz", "classical", "acoustic", "country");

    private Genres() {}

    static List<String> available(Pipeline pipeline) {
        try {
            List<String> g = pipeline.model().map(ReferenceModel::genres).orElse(List.of());
            return g.isEmpty() ? FALLBACK : g;
        } catch (Exception | LinkageError e) {
            return FALLBACK;
        }
    }
}
