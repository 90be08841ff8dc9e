/**
 * ArchUnit rules for DESIGN.md's dependency rule, each proven able to fail on a fixture.
 */
package org.provisio.architecture;
