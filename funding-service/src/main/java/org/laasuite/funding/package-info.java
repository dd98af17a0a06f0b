/**
 * The funding service: its Micronaut entry point (Application) and AmountValue, the whole-pence
 * amount or not-yet-quantified status shared by streams and commitments. Features are in the
 * sub-packages, and the gRPC face is {@code org.laasuite.funding.grpc}.
 */
package org.laasuite.funding;
