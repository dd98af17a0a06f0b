/**
 * The partnership service: its Micronaut entry point (Application) and Lines, which stores
 * lists as one entry per line of text. Features are in the sub-packages, and the gRPC face is
 * {@code org.laasuite.partnership.grpc}.
 */
package org.laasuite.partnership;
