/** One problem in an organisation file, with where it is. */
export interface OrganisationFileProblem {
  /** e.g. "people[2].positions[0]" */
  field: string;
  line: number | null;
  column: number | null;
  message: string;
}
