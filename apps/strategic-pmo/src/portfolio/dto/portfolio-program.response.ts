import { ApiProperty } from '@nestjs/swagger';

export class PortfolioProgramResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ description: "The program's short code; its managers are the members of the Keycloak group `program-<code>`", example: 'fsm' })
  code: string;

  @ApiProperty({ example: 'Financial System Migration' })
  name: string;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ description: 'Projects registered in the program', example: 3 })
  projectCount: number;
}
