export * from './acting-order.entity';
export * from './approval-chain-step.entity';
export * from './organisation.entity';
export * from './person-position.entity';
export * from './person.entity';
export * from './position.entity';
export * from './unit.entity';
