import { Alert, Box, Button, Checkbox, Chip, FormControlLabel, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ProjectPmoSchemas } from '@pmo/api-contracts/browser';
import type { DeliveryOutcome, FeedbackCategory, LessonCategory, LessonInput, ProjectReviewBody } from '@pmo/contracts';
import { ApiError, fieldErrorsOf, messagesAt, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';

type Lesson = ProjectPmoSchemas['schemas']['ProjectLessonResponse'];
type Requirement = ProjectPmoSchemas['schemas']['ProjectRequirementResponse'];
type ReviewBody = ProjectReviewBody;
type LessonDraft = LessonInput;

// The web app imports only types from the contracts; the lists are spelled out and checked against them.
const OUTCOMES: readonly DeliveryOutcome[] = ['delivered-as-planned', 'delivered-with-changes', 'partly-delivered', 'not-delivered'];
const LESSON_CATEGORIES: readonly LessonCategory[] = [
  'scope',
  'schedule',
  'cost',
  'quality',
  'risk',
  'stakeholders',
  'resourcing',
  'methodology',
  'tooling',
  'other',
];
const FEEDBACK_CATEGORIES: readonly FeedbackCategory[] = ['unclear', 'insufficient', 'conflicts-with-regulation', 'tooling', 'other'];

/**
 * The one place a project is closed: with its post-implementation review (or, for a project cancelled before it
 * delivered, with a reason only), and once closed, the review and its lessons sent upward as feedback.
 */
export function CloseoutSection({ projectId, closed, autoFocus = false }: { projectId: string; closed: boolean; autoFocus?: boolean }) {
  return closed ? <ReviewView projectId={projectId} /> : <CloseWithReview projectId={projectId} autoFocus={autoFocus} />;
}

function CloseWithReview({ projectId, autoFocus }: { projectId: string; autoFocus: boolean }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const requirements = useQuery({
    queryKey: ['projects', projectId, 'requirements'],
    queryFn: () => unwrap(pmo.project.GET('/projects/{projectId}/requirements', { params: { path: { projectId } } })),
  });
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<ReviewBody['outcome']>('delivered-as-planned');
  const [objective, setObjective] = useState('');
  const [delivered, setDelivered] = useState('');
  const [lessons, setLessons] = useState<LessonDraft[]>([]);
  const [withReview, setWithReview] = useState(true);
  const close = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.project.POST('/projects/{projectId}/close', {
          params: { path: { projectId } },
          body: {
            reason,
            ...(withReview && {
              review: {
                outcome,
                delivered,
                ...(objective.trim() ? { objective } : {}),
                lessons: lessons.map((l) => ({ ...l, versionId: l.versionId || undefined })),
              },
            }),
          },
        }),
      ),
    // The project, the lists it appears in and the work queues that counted it open.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['projects'] }), queryClient.invalidateQueries({ queryKey: ['my-work'] })]),
  });
  const update = (index: number, change: Partial<LessonDraft>) => setLessons(lessons.map((l, i) => (i === index ? { ...l, ...change } : l)));
  const problems = fieldErrorsOf(close.error);
  return (
    <Paper component="form" aria-label="Close the project" sx={{ p: 2 }} onSubmit={(e) => (e.preventDefault(), close.mutate())}>
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          Close the project
        </Typography>
        <TextField
          label="Reason for closing"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          autoFocus={autoFocus}
          error={Boolean(messagesAt(problems, '/reason'))}
          helperText={messagesAt(problems, '/reason') ?? 'From then on no standard binds it; closing cannot be undone.'}
        />
        <FormControlLabel
          control={<Checkbox checked={withReview} onChange={(e) => setWithReview(e.target.checked)} />}
          label="With a post-implementation review (leave it out only for a project cancelled before it delivered)"
        />
        {withReview && (
          <>
            <TextField select label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as ReviewBody['outcome'])}>
              {OUTCOMES.map((o) => (
                <MenuItem key={o} value={o}>
                  {o}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label="Objective"
              helperText="The scope or objective the delivery is measured against"
              value={objective}
              onChange={(e) => setObjective(e.target.value)}
            />
            <TextField
              label="What was delivered"
              value={delivered}
              onChange={(e) => setDelivered(e.target.value)}
              multiline
              minRows={2}
              required
              error={Boolean(messagesAt(problems, '/review/delivered'))}
              helperText={messagesAt(problems, '/review/delivered')}
            />
            {lessons.map((lesson, index) => (
              <LessonFields key={index} index={index} lesson={lesson} requirements={requirements.data ?? []} onChange={(change) => update(index, change)} />
            ))}
            <Box>
              <Button onClick={() => setLessons([...lessons, { category: 'methodology', whatHappened: '', recommendation: '' }])}>Add a lesson</Button>
            </Box>
          </>
        )}
        <ApiErrorAlert error={close.error ?? requirements.error} />
        <Box>
          <Button type="submit" variant="contained" color="error" disabled={close.isPending}>
            Close the project
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
}

function LessonFields({
  index,
  lesson,
  requirements,
  onChange,
}: {
  index: number;
  lesson: LessonDraft;
  requirements: Requirement[];
  onChange: (change: Partial<LessonDraft>) => void;
}) {
  const versions = useMemo(() => [...new Map(requirements.map((r) => [r.versionId, `${r.standardKey} ${r.version}`])).entries()], [requirements]);
  const n = index + 1;
  return (
    <Stack spacing={1} component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
      <Typography component="legend">Lesson {n}</Typography>
      <TextField
        select
        label={`Lesson ${n} category`}
        value={lesson.category}
        onChange={(e) => onChange({ category: e.target.value as LessonDraft['category'] })}
      >
        {LESSON_CATEGORIES.map((c) => (
          <MenuItem key={c} value={c}>
            {c}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={`Lesson ${n}: what happened`}
        value={lesson.whatHappened}
        onChange={(e) => onChange({ whatHappened: e.target.value })}
        multiline
        required
      />
      <TextField
        label={`Lesson ${n}: recommendation`}
        value={lesson.recommendation}
        onChange={(e) => onChange({ recommendation: e.target.value })}
        multiline
        required
      />
      <TextField
        select
        label={`Lesson ${n} concerns standard`}
        value={lesson.versionId ?? ''}
        onChange={(e) => onChange({ versionId: e.target.value || undefined })}
      >
        <MenuItem value="">none</MenuItem>
        {versions.map(([id, label]) => (
          <MenuItem key={id} value={id}>
            {label}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}

function ReviewView({ projectId }: { projectId: string }) {
  const pmo = usePmo();
  const review = useQuery({
    queryKey: ['projects', projectId, 'review'],
    queryFn: () => unwrap(pmo.project.GET('/projects/{projectId}/review', { params: { path: { projectId } } })),
    retry: false,
  });
  if (review.error instanceof ApiError && review.error.status === 404)
    return <Alert severity="info">This project was closed without a post-implementation review.</Alert>;
  const r = review.data;
  return (
    <Stack spacing={2}>
      <ApiErrorAlert error={review.error} />
      {r && (
        <>
          <Typography variant="h6" component="h2">
            Post-implementation review
          </Typography>
          <Typography>
            <Chip size="small" label={r.outcome} /> reviewed by {r.reviewedByName} on {r.reviewedAt.slice(0, 10)}
          </Typography>
          {r.objective && <Typography>Objective: {r.objective}</Typography>}
          <Typography>Delivered: {r.delivered}</Typography>
          <Typography variant="h6" component="h3">
            Lessons learned
          </Typography>
          {r.lessons.length === 0 && <Typography>No lessons recorded.</Typography>}
          {r.lessons.map((lesson) => (
            <LessonCard key={lesson.id} projectId={projectId} lesson={lesson} />
          ))}
        </>
      )}
    </Stack>
  );
}

function LessonCard({ projectId, lesson }: { projectId: string; lesson: Lesson }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<FeedbackCategory>('insufficient');
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.project.POST('/projects/{projectId}/review/lessons/{lessonId}/send-as-feedback', {
          params: { path: { projectId, lessonId: lesson.id } },
          body: { category },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'review'] }),
  });
  return (
    <Paper component="article" aria-label={`Lesson: ${lesson.whatHappened}`} sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Typography>
          <Chip size="small" label={lesson.category} /> {lesson.whatHappened}
        </Typography>
        <Typography>Recommendation: {lesson.recommendation}</Typography>
        {lesson.version && <Typography variant="body2">Concerns standard version {lesson.version}</Typography>}
        {lesson.feedbackId ? (
          <Typography variant="body2">Sent as feedback on {lesson.sentAt?.slice(0, 10)}</Typography>
        ) : (
          lesson.versionId && (
            <Stack direction="row" spacing={1}>
              <TextField select size="small" label="Feedback category" value={category} onChange={(e) => setCategory(e.target.value as typeof category)}>
                {FEEDBACK_CATEGORIES.map((c) => (
                  <MenuItem key={c} value={c}>
                    {c}
                  </MenuItem>
                ))}
              </TextField>
              <Button variant="outlined" onClick={() => send.mutate()} disabled={send.isPending}>
                Send as feedback
              </Button>
            </Stack>
          )
        )}
        <ApiErrorAlert error={send.error} />
      </Stack>
    </Paper>
  );
}
