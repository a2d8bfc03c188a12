/**
 * The human report: a view of an analysis document (headline, findings, references) and inline SVG plots drawn
 * on the server, rendered with Thymeleaf into self-contained HTML. Shared by the web app and by
 * {@code analyze --html}. The report reads the document as a JSON tree, so blocks that are not measured yet
 * (null) simply show "not measured".
 */
package org.freshears.report;
