/*
 * The entity classes the test factories, specs and benches build and read rows with. No library
 * makes its entities public (docs/architecture.md: entities are internal), so the tests reach the
 * owners' entity files here, in one place, the way a fixture writes rows straight into a table.
 */
export { ActingOrder } from '../../libs/organisation/src/entities/acting-order.entity';
export { ApprovalChainStep } from '../../libs/organisation/src/entities/approval-chain-step.entity';
export { Organisation } from '../../libs/organisation/src/entities/organisation.entity';
export { PersonPosition } from '../../libs/organisation/src/entities/person-position.entity';
export { Person } from '../../libs/organisation/src/entities/person.entity';
export { Position } from '../../libs/organisation/src/entities/position.entity';
export { Unit } from '../../libs/organisation/src/entities/unit.entity';
export { SignedDocument } from '../../libs/publication/src/entities/signed-document.entity';
export { RegisterCounter } from '../../libs/register/src/entities/register-counter.entity';
export { RegisterEntry } from '../../libs/register/src/entities/register-entry.entity';
