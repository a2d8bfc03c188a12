package org.freshears.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What reference tracks say about genres: a classifier giving genre probabilities (a tree ensemble or a
 * logistic regression, whichever package-grouped cross-validation prefers), per-genre
 * percentile profiles of every feature, and the nearest reference tracks by standardised Euclidean distance.
 * Immutable once fitted; {@link #fit} validates by package-grouped cross-validation and, when the table has
 * rows marked {@code test}, scores the fitted model on them (they never take part in fitting).
 */
public final class ReferenceModel {

    /**
     * The format of a saved model folder; a folder with a newer version is refused. Version 3 added the logistic
     * regression to {@code classifier.bin}; version 2 folders (tree ensembles only) read unchanged.
     */
    public static final int FORMAT_VERSION = 3;

    /** The oldest format still read. */
    static final int OLDEST_READABLE_VERSION = 2;

    /**
     * Which classifier: {@code AUTO} fits each of the others and keeps the best by grouped cross-validation (ties: the
     * earlier in this list).
     */
    public enum Algorithm { AUTO, RANDOM_FOREST, GRADIENT_BOOST, LOGISTIC_REGRESSION }

    /**
     * @param trees      trees per ensemble (per class for gradient boosting)
     * @param folds      cross-validation folds (fewer when there are fewer groups)
     * @param nodeSize   minimum tracks in a leaf
     * @param seed       seeds the folds and the ensembles
     * @param thinBelow  a genre with fewer training tracks than this has a thin profile
     * @param minTracks  each genre needs at least this many training tracks
     * @param neighbours nearest reference tracks reported
     */
    public record Options(Algorithm algorithm, int trees, int folds, int nodeSize, long seed, int thinBelow,
                          int minTracks, int neighbours) {
        public static final Options DEFAULT = new Options(Algorithm.AUTO, 200, 5, 2, 20261124L, 5, 2, 3);

        public Options {
            if (algorithm == null) throw new IllegalArgumentException("algorithm must be given");
            if (trees < 1) throw new IllegalArgumentException("trees must be at least 1");
            if (folds < 2) throw new IllegalArgumentException("folds must be at least 2");
            if (nodeSize < 1) throw new IllegalArgumentException("nodeSize must be at least 1");
            if (thinBelow < 1) throw new IllegalArgumentException("thinBelow must be at least 1");
            if (minTracks < 1) throw new IllegalArgumentException("minTracks must be at least 1");
            if (neighbours < 1) throw new IllegalArgumentException("neighbours must be at least 1");
        }

        public Options withAlgorithm(Algorithm a) {
            return new Options(a, trees, folds, nodeSize, seed, thinBelow, minTracks, neighbours);
        }
    }

    final FeatureTable table;
    final Options options;
    final List<String> genres;
    final GenreClassifier classifier;
    final Map<String, Evaluation> crossValidation;
    final Evaluation test;
    private final ReferenceStats stats;
    private final List<String> warnings;

    ReferenceModel(FeatureTable table, Options options, List<String> genres, GenreClassifier classifier,
                   Map<String, Evaluation> crossValidation, Evaluation test, List<String> warnings) {
        this.table = table;
        this.options = options;
        this.genres = List.copyOf(genres);
        this.classifier = classifier;
        this.crossValidation = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(crossValidation)); // in fitting order: stable output
        this.test = test;
        this.stats = ReferenceStats.of(table, this.genres, options.thinBelow());
        this.warnings = List.copyOf(warnings);
    }

    /** Fits a model on the table's {@code train} rows. Clear {@link ModelException}s for unusable tables. */
    public static ReferenceModel fit(FeatureTable table, Options options) {
        List<FeatureTable.Row> train = table.trainRows();
        Map<String, Integer> counts = table.trainCounts();
        if (counts.size() < 2) {
            throw new ModelException("a reference model needs at least two genres; found " + counts.size()
                    + (counts.isEmpty() ? "" : " (" + String.join(", ", counts.keySet()) + ")"));
        }
        for (var e : counts.entrySet()) {
            if (e.getValue() < options.minTracks()) {
                throw new ModelException("genre '" + e.getKey() + "' has " + e.getValue() + " track"
                        + (e.getValue() == 1 ? "" : "s") + "; each genre needs at least " + options.minTracks()
                        + " (" + options.thinBelow() + " or more for a solid profile)");
            }
        }
        List<String> genres = List.copyOf(counts.keySet());
        List<String> warnings = new ArrayList<>();
        for (var e : counts.entrySet()) {
            if (e.getValue() < options.thinBelow()) {
                warnings.add(String.format(Locale.ROOT, "genre '%s' has only %d tracks: its profile is thin",
                        e.getKey(), e.getValue()));
            }
        }
        double[][] x = new double[train.size()][];
        int[] y = new int[train.size()];
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            x[i] = train.get(i).values();
            y[i] = genres.indexOf(train.get(i).genre());
            groups.add(train.get(i).group());
        }
        Map<String, Evaluation> cv = new LinkedHashMap<>();
        long distinctGroups = groups.stream().distinct().count();
        Algorithm chosen = options.algorithm() == Algorithm.AUTO ? Algorithm.RANDOM_FOREST : options.algorithm();
        if (distinctGroups < 2) {
            warnings.add("all training tracks are in one group: no grouped cross-validation is possible");
        } else {
            List<Algorithm> tried = options.algorithm() == Algorithm.AUTO
                    ? List.of(Algorithm.RANDOM_FOREST, Algorithm.GRADIENT_BOOST, Algorithm.LOGISTIC_REGRESSION)
                    : List.of(options.algorithm());
            double best = -1;
            for (Algorithm a : tried) {
                Evaluation e = CrossValidation.run(a, x, y, groups, genres, table.featureNames(), options);
                cv.put(algorithmName(a), e);
                if (e.accuracy() > best) {
                    best = e.accuracy();
                    chosen = a;
                }
            }
        }
        double[] fill = Imputation.medians(x);
        GenreClassifier classifier = train(chosen, Imputation.apply(x, fill), y, groups, genres.size(),
                table.featureNames(), options, options.seed());
        ReferenceModel model = new ReferenceModel(table, options, genres, classifier, cv, null, warnings);
        return model.withTest(model.evaluateTest());
    }

    private ReferenceModel withTest(Evaluation t) {
        return new ReferenceModel(table, options, genres, classifier, crossValidation, t, warnings);
    }

    /** Scores the held-out {@code test} rows whose genre the model knows; null when there are none. */
    private Evaluation evaluateTest() {
        List<FeatureTable.Row> rows = table.testRows().stream().filter(r -> genres.contains(r.genre())).toList();
        if (rows.isEmpty()) return null;
        int[] truth = new int[rows.size()];
        int[] predicted = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            truth[i] = genres.indexOf(rows.get(i).genre());
            predicted[i] = CrossValidation.argmax(probabilities(rows.get(i).values()));
        }
        return Evaluation.of(algorithm(), 0, genres, truth, predicted);
    }

    /** Fits one classifier (not {@code AUTO}) on complete rows. */
    static GenreClassifier train(Algorithm a, double[][] x, int[] y, List<String> groups, int numClasses,
                                 List<String> featureNames, Options options, long seed) {
        return switch (a) {
            case RANDOM_FOREST, AUTO -> TreeClassifier.fit(TreeClassifier.Kind.RANDOM_FOREST, x, y, numClasses,
                    options.trees(), options.nodeSize(), seed);
            case GRADIENT_BOOST -> TreeClassifier.fit(TreeClassifier.Kind.GRADIENT_BOOST, x, y, numClasses,
                    options.trees(), options.nodeSize(), seed);
            case LOGISTIC_REGRESSION -> LinearClassifier.fit(x, y, numClasses, featureNames, groups, seed);
        };
    }

    static String algorithmName(Algorithm a) {
        return switch (a) {
            case RANDOM_FOREST, AUTO -> TreeClassifier.name(TreeClassifier.Kind.RANDOM_FOREST);
            case GRADIENT_BOOST -> TreeClassifier.name(TreeClassifier.Kind.GRADIENT_BOOST);
            case LOGISTIC_REGRESSION -> LinearClassifier.NAME;
        };
    }

    /** The classifier in use: {@code randomForest}, {@code gradientTreeBoost} or {@code logisticRegression}. */
    public String algorithm() {
        return classifier.algorithm();
    }

    public List<String> genres() {
        return genres;
    }

    public List<String> featureNames() {
        return table.featureNames();
    }

    public Options options() {
        return options;
    }

    /** Training tracks per genre, genres sorted. */
    public Map<String, Integer> trackCounts() {
        return table.trainCounts();
    }

    public FeatureTable table() {
        return table;
    }

    /** Grouped cross-validation of each classifier tried, by algorithm name (empty when it was impossible). */
    public Map<String, Evaluation> crossValidations() {
        return crossValidation;
    }

    /** Grouped cross-validation of the classifier in use. */
    public Optional<Evaluation> crossValidation() {
        return Optional.ofNullable(crossValidation.get(algorithm()));
    }

    /** Accuracy on the held-out test rows (known genres only). */
    public Optional<Evaluation> testEvaluation() {
        return Optional.ofNullable(test);
    }

    /** Warnings from fitting: thin genres, no cross-validation possible. */
    public List<String> warnings() {
        return warnings;
    }

    public GenreProfile profile(String genre) {
        GenreProfile p = stats.profiles().get(genre);
        if (p == null) throw unknownGenre(genre);
        return p;
    }

    public Map<String, GenreProfile> profiles() {
        return stats.profiles();
    }

    /** Genre probabilities, most probable first. */
    public List<GenrePrediction> predict(FeatureVector mix) {
        double[] p = probabilities(stats.align(mix));
        List<GenrePrediction> out = new ArrayList<>();
        for (int i = 0; i < genres.size(); i++) out.add(new GenrePrediction(genres.get(i), p[i]));
        out.sort(Comparator.comparingDouble(GenrePrediction::probability).reversed()
                .thenComparing(GenrePrediction::genre));
        return out;
    }

    double[] probabilities(double[] aligned) {
        return classifier.probabilities(Imputation.apply(aligned, stats.fill()));
    }

    /** The {@code k} training tracks nearest to the mix (z-scored features, Euclidean), nearest first. */
    public List<NearestReference> nearest(FeatureVector mix, int k) {
        return stats.nearest(stats.align(mix), k);
    }

    /** The genre of a user's {@code --genre}, matched case-insensitively; a clear error names the known ones. */
    public String resolveGenre(String genre) {
        for (String g : genres) if (g.equalsIgnoreCase(genre.strip())) return g;
        throw unknownGenre(genre);
    }

    private ModelException unknownGenre(String genre) {
        return new ModelException("unknown genre '" + genre + "'; the model knows: " + String.join(", ", genres));
    }

    /**
     * The {@code genre} block for a mix: predictions, the target (the user's genre when given, else the top
     * prediction), the three nearest references, and where each feature sits in the target's profile.
     */
    public GenreAssessment assess(FeatureVector mix, String userGenre) {
        List<GenrePrediction> predicted = predict(mix);
        String target = userGenre == null || userGenre.isBlank() ? predicted.getFirst().genre() : resolveGenre(userGenre);
        GenreProfile profile = profile(target);
        return new GenreAssessment(target, predicted, nearest(mix, options.neighbours()), profile.positions(mix),
                userGenre == null || userGenre.isBlank() ? GenreAssessment.PREDICTED : GenreAssessment.USER,
                profile.thin(), crossValidation().map(Evaluation::accuracy).orElse(null));
    }

    /** Writes {@code model.json}, {@code features.csv}, {@code profiles.json} and {@code classifier.bin}. */
    public void save(Path dir) throws IOException {
        ModelFiles.save(this, dir);
    }

    /** Reads a model folder written by {@link #save}; a clear {@link ModelException} when it cannot. */
    public static ReferenceModel load(Path dir) throws IOException {
        return ModelFiles.load(dir);
    }

    /** Genres in the table (train and test), for messages. */
    static List<String> allGenres(FeatureTable t) {
        return List.copyOf(new TreeSet<>(t.rows().stream().map(FeatureTable.Row::genre).toList()));
    }
}
