/**
 * Organisations and people: their rows, DirectoryRepositories and DirectoryService.
 */
package org.laasuite.partnership.directory;
