/**
 * Every outgoing port of the provisioning domain in memory, thread-safe, behind one public
 * factory: {@link org.provisio.adapters.memory.InMemoryStore}. For tests and for embedding
 * without a database; nothing survives the process.
 */
package org.provisio.adapters.memory;
