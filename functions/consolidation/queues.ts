/**
 * The job queue's names, apart from everything else so the registrations can name them
 * without loading the code that uses them. The runtime moves a message that failed every
 * delivery to `<queue>-poison`.
 */
export const JOBS_QUEUE = 'samlad-jobs';
export const JOBS_POISON_QUEUE = `${JOBS_QUEUE}-poison`;
