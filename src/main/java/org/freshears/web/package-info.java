/**
 * The web app: a thin Javalin layer over the same {@link org.freshears.pipeline.Pipeline} the CLI calls. Uploads,
 * renders and an embedded H2 database live in one data folder; a bounded worker pool runs the jobs, which
 * survive a restart. The routes and JSON are those of CONTRACT.md.
 */
package org.freshears.web;
