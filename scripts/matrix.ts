/** Prints the capability matrix as markdown for the README (`npm run matrix`). */
import { capabilityMatrixMarkdown } from '@/lib/connectors/capability-matrix';

console.log(capabilityMatrixMarkdown());
