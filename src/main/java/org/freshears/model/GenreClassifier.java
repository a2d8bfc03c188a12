package org.freshears.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
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

    /**
     * The genres a classifier was fitted on: {@code numClasses} in the model, of which {@code trained} (in the
     * classifier's output order) were present in training. Both kinds store it first in their body.
     */
    record Classes(int numClasses, int[] trained) {
        void write(DataOutputStream out) throws IOException {
            out.writeInt(numClasses);
            out.writeInt(trained.length);
            for (int c : trained) out.writeInt(c);
        }

        static Classes read(DataInputStream in) throws IOException {
            int numClasses = in.readInt();
            int n = in.readInt();
            if (numClasses < 1 || n < 1 || n > numClasses) throw new IOException("bad class count");
            int[] trained = new int[n];
            for (int i = 0; i < n; i++) {
                trained[i] = in.readInt();
                if (trained[i] < 0 || trained[i] >= numClasses) throw new IOException("class out of range");
            }
            return new Classes(numClasses, trained);
        }
    }
}
