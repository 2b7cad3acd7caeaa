import { rolloutWaveSchema, type RolloutWaveV1 } from '@pmo/contracts';
import { MatchesSchema } from '@pmo/http';

export class PublishVersionDto {
  @MatchesSchema(
    { type: 'array', minItems: 1, maxItems: 50, items: rolloutWaveSchema },
    {
      description: 'The waves: which programs (by id or tag) must adopt from which date, by which deadline',
      example: [
        { name: 'wave 1', programIds: [], programTags: ['finance'], opensOn: '2027-01-01', adoptionDeadline: '2027-02-28' },
        { name: 'wave 2', programIds: [], programTags: ['hr'], opensOn: '2027-02-01', adoptionDeadline: '2027-03-31' },
      ],
    },
  )
  rollout: RolloutWaveV1[];
}
