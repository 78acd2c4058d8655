export * from './entities';
export * from './away.module';
export * from './away.service';
export * from './dto/away-notice.view';
export * from './dto/declare-away.dto';
