import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** DateTime for instants, LocalDate for calendar days (learning cycles, roles). */
export const DateTime = DateTimeResolver;
export const LocalDate = LocalDateResolver;
export const scalarsMap = [{ type: Date, scalar: DateTimeResolver }];
