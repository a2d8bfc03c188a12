package org.freshears.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A fitted genre classifier: class probabilities, indexed by genre, for one complete (imputed) row of the
 * model's features. What a model folder stores in {@code classifier.bin}: the kind's name first, then the
 * kind's own body, so a reader knows which one follows.
 */
sealed interface GenreClassifier permits TreeClassifier, LinearClassifier {

    /** Class probabilities (summing to 1), indexed by genre. */
    double[] probabilities(double[] row);

    /** The name used in {@code model.json} and the train report, e.g. {@code randomForest}. */
    String algorithm();

    /** Writes the kind's name and its body; {@link #read} reads it back. */
    void write(OutputStream os) throws IOException;

    /** Reads what {@link #write} wrote, for rows of {@code features} values; IOException when it is damaged. */
    static GenreClassifier read(InputStream is, int features) throws IOException {
        DataInputStream in = new DataInputStream(is);
        String kind = in.readUTF();
        if (kind.equals(LinearClassifier.KIND)) return LinearClassifier.readBody(in, features);
        return TreeClassifier.readBody(kind, in, features);
    }
}
