/**
 * Features measured from decoded audio: loudness (ITU-R BS.1770-4, EBU Tech 3341/3342),
 * true peak, and the other descriptors of the analysis document. Meters are fed planar
 * float blocks ({@code accept}) and queried once at the end ({@code result}); they never
 * throw on silence or short input and report missing values as {@code null}.
 */
package org.freshears.analysis;
