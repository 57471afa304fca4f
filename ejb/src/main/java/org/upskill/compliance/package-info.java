/**
 * Mandatory training: requirements (who must hold which course, renewal rules, grace), each
 * person's compliance status, managers' and the organisation's reports, reminders, the daily
 * compliance run ({@code ComplianceClock}, once per day cluster-wide), the demo requirements.
 * Tables {@code requirement}, {@code compliance_status}, {@code compliance_exemption}, {@code
 * compliance_change} (its own numbered feed), {@code reminder_sent}.
 *
 * <p>Uses platform, audit, people, enrolment, learning and certification.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.compliance;
