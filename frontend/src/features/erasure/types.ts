import type { components } from '@/api/schema';

export type ErasureCategory = components['schemas']['ErasureCategory'];
export type ErasureReason = components['schemas']['ErasureReason'];
export type ErasureAssessment = components['schemas']['ErasureAssessmentRead'];
export type CategoryAssessment = components['schemas']['CategoryAssessmentRead'];
export type ErasureRequestCreate = components['schemas']['ErasureRequestCreate'];
export type ErasureRequest = components['schemas']['ErasureRequestRead'];
export type ChildMerge = components['schemas']['ChildMergeRead'];
