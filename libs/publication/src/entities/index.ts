export * from './oit-catalogue-item.entity';
export * from './publication.entity';
export * from './signed-document.entity';
