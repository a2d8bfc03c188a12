package org.freshears.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freshears.util.Json;

/**
 * A model folder: {@code model.json} (format version, genres, feature names, counts, evaluations),
 * {@code features.csv} (the reference tracks), {@code profiles.json} (per-genre percentiles, for people and
 * other tools) and {@code classifier.bin} (the fitted classifier as plain numbers: {@link FlatTrees} or {@link LinearClassifier}). Everything but
 * the ensemble is rebuilt from {@code features.csv} on loading, exactly as after fitting. Format 1 folders (a
 * Java-serialised Smile ensemble in {@code classifier.ser}) are refused with a request to retrain.
 */
final class ModelFiles {
    static final String META = "model.json";
    static final String FEATURES = "features.csv";
    static final String PROFILES = "profiles.json";
    static final String CLASSIFIER = "classifier.bin";

    private ModelFiles() {}

    static void save(ReferenceModel m, Path dir) throws IOException {
        Files.createDirectories(dir);
        m.table.write(dir.resolve(FEATURES));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("formatVersion", ReferenceModel.FORMAT_VERSION);
        meta.put("createdBy", "Fresh Ears");
        meta.put("algorithm", m.algorithm());
        meta.put("options", m.options);
        meta.put("genres", m.genres);
        meta.put("featureNames", m.featureNames());
        meta.put("trackCounts", m.trackCounts());
        meta.put("testTracks", m.table.testRows().size());
        meta.put("thinGenres", m.profiles().values().stream().filter(GenreProfile::thin).map(GenreProfile::genre).toList());
        meta.put("crossValidation", m.crossValidation);
        meta.put("test", m.test);
        meta.put("warnings", m.warnings());
        meta.put("files", Map.of("features", FEATURES, "profiles", PROFILES, "classifier", CLASSIFIER));
        Files.writeString(dir.resolve(META), Json.writePretty(meta) + "\n");
        Files.writeString(dir.resolve(PROFILES), Json.writePretty(new ProfilesDocument(m.profiles().values().stream().toList())) + "\n");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(CLASSIFIER)))) {
            m.classifier.write(out);
        }
    }

    /** {@code profiles.json}: one entry per genre. */
    record ProfilesDocument(List<GenreProfile> genres) {
    }

    static ReferenceModel load(Path dir) throws IOException {
        Path metaFile = dir.resolve(META);
        if (!Files.isRegularFile(metaFile)) {
            throw new ModelException("no reference model in " + dir + " (no " + META + "; build one with `freshears train`)");
        }
        JsonNode meta;
        try {
            meta = Json.mapper().readTree(Files.readString(metaFile));
        } catch (IOException e) {
            throw new ModelException(metaFile + ": not a model description (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        int version = meta.path("formatVersion").asInt(-1);
        if (version < 1) throw new ModelException(metaFile + ": no formatVersion; not a Fresh Ears model");
        if (version < ReferenceModel.OLDEST_READABLE_VERSION) {
            throw new ModelException("the model in " + dir + " has format version " + version + " (a Smile-serialised"
                    + " ensemble); this Fresh Ears reads versions " + ReferenceModel.OLDEST_READABLE_VERSION + " to "
                    + ReferenceModel.FORMAT_VERSION + ": retrain it from its features.csv with `freshears train --features`");
        }
        if (version > ReferenceModel.FORMAT_VERSION) {
            throw new ModelException("the model in " + dir + " has format version " + version
                    + ", newer than this Fresh Ears reads (" + ReferenceModel.FORMAT_VERSION + "); update Fresh Ears");
        }
        FeatureTable table = FeatureTable.read(dir.resolve(FEATURES));
        ReferenceModel.Options options = options(meta.path("options"), metaFile);
        List<String> genres = new ArrayList<>();
        meta.path("genres").forEach(n -> genres.add(n.asText()));
        if (!genres.equals(List.copyOf(table.trainCounts().keySet()))) {
            throw new ModelException(dir + ": " + FEATURES + " does not match " + META + " (genres differ); retrain the model");
        }
        GenreClassifier classifier = readClassifier(dir.resolve(CLASSIFIER), table.featureNames().size());
        Map<String, Evaluation> cv = new LinkedHashMap<>();
        for (var e : meta.path("crossValidation").properties()) {
            cv.put(e.getKey(), evaluation(e.getValue(), metaFile));
        }
        JsonNode t = meta.get("test");
        Evaluation test = t == null || t.isNull() ? null : evaluation(t, metaFile);
        List<String> warnings = new ArrayList<>();
        meta.path("warnings").forEach(n -> warnings.add(n.asText()));
        return new ReferenceModel(table, options, genres, classifier, cv, test, warnings);
    }

    // model.json is read as a tree, field by field: binding records through Jackson costs a few hundred ms of
    // class loading in every fresh process that loads the model

    private static ReferenceModel.Options options(JsonNode o, Path file) {
        try {
            return new ReferenceModel.Options(ReferenceModel.Algorithm.valueOf(text(o, "algorithm", file)),
                    integer(o, "trees", file), integer(o, "folds", file), integer(o, "nodeSize", file),
                    required(o, "seed", file).asLong(), integer(o, "thinBelow", file), integer(o, "minTracks", file),
                    integer(o, "neighbours", file));
        } catch (IllegalArgumentException e) {
            throw new ModelException(file + ": bad options (" + e.getMessage() + "); retrain the model");
        }
    }

    private static Evaluation evaluation(JsonNode e, Path file) {
        List<String> genres = new ArrayList<>();
        required(e, "genres", file).forEach(n -> genres.add(n.asText()));
        JsonNode rows = required(e, "confusion", file);
        int[][] confusion = new int[rows.size()][];
        for (int i = 0; i < confusion.length; i++) {
            JsonNode row = rows.get(i);
            confusion[i] = new int[row.size()];
            for (int j = 0; j < confusion[i].length; j++) confusion[i][j] = row.get(j).asInt();
        }
        return new Evaluation(text(e, "algorithm", file), integer(e, "folds", file), integer(e, "tracks", file),
                required(e, "accuracy", file).asDouble(), genres, confusion);
    }

    private static JsonNode required(JsonNode node, String field, Path file) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new ModelException(file + ": '" + field + "' is missing; retrain the model");
        return v;
    }

    private static String text(JsonNode node, String field, Path file) {
        return required(node, field, file).asText();
    }

    private static int integer(JsonNode node, String field, Path file) {
        JsonNode v = required(node, field, file);
        if (!v.canConvertToInt()) throw new ModelException(file + ": '" + field + "' is not a whole number; retrain the model");
        return v.asInt();
    }

    private static GenreClassifier readClassifier(Path file, int features) throws IOException {
        if (!Files.isRegularFile(file)) throw new ModelException(file + ": missing; retrain the model");
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return GenreClassifier.read(in, features);
        } catch (java.io.EOFException e) {
            throw new ModelException(file + ": truncated; retrain the model");
        } catch (IOException e) {
            throw new ModelException(file + ": damaged (" + e.getMessage() + "); retrain the model");
        }
    }
}
