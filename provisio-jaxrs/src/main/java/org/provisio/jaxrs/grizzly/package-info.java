/**
 * What a product serving Provisio on Grizzly adds to its listener. Grizzly is an optional
 * dependency of this module: only a product that uses this package needs it.
 */
package org.provisio.jaxrs.grizzly;
