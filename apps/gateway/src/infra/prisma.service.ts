import { Injectable } from '@nestjs/common';
import { prismaServiceFor } from '@govdisc/service-kit';
import { PrismaClient } from '../generated/prisma/client.js';

@Injectable()
export class PrismaService extends prismaServiceFor(PrismaClient) {}
