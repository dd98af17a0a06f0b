/**
 * Plain value types the services share that have nothing to do with gRPC, such as the UK
 * financial year (FinancialYear). Runtime helpers for gRPC are in {@code
 * org.laasuite.common.grpc}.
 */
package org.laasuite.common;
