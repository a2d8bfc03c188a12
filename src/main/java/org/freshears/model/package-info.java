/**
 * The reference model: what each genre's tonal balance, dynamics and stereo image look like, learned from
 * reference tracks. {@link org.freshears.model.FeatureVector} turns a mix's measurements into a fixed-order,
 * level-independent vector; {@link org.freshears.model.ReferenceModel} fits a tree ensemble (Smile, kept behind
 * our own types), per-genre percentile profiles and a standardised nearest-neighbour index, validated by
 * package-grouped cross-validation. No Smile type appears in a public signature.
 */
package org.freshears.model;
