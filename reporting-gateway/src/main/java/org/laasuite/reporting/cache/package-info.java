/**
 * Pages served from what changed since: the gateway keeps what it assembled and rendered for the public, and throws
 * it away as soon as a service tells it a write committed (WatchChanges), or cannot tell it.
 */
package org.laasuite.reporting.cache;
