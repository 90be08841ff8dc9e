/**
 * Delivery of outbox messages to the world outside the process: invitation emails over SMTP
 * ({@link org.provisio.adapters.delivery.SmtpInvitationMailer}) or to the log, and lifecycle events
 * as signed webhooks ({@link org.provisio.adapters.delivery.WebhookListener}).
 */
package org.provisio.adapters.delivery;
