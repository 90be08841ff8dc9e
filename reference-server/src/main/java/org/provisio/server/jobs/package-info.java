/** The reference server's background jobs: retention purge and outbox dispatch. */
package org.provisio.server.jobs;
