/**
 * PartnershipImporter loads a partnership data set (partnership.yaml, docs/data-formats.md)
 * through the same services and rules as the API. It runs in one transaction, naming every
 * problem by its path in the file.
 */
package org.laasuite.partnership.importer;
