import uuid

from pydantic import Field

from kindcentraal.common.schemas import ReadModel

ALLOWED_TYPES = ("application/pdf", "image/jpeg", "image/png")
MAX_SIZE = 10 * 1024 * 1024  # 10 MB


class AttachmentRead(ReadModel):
    id: uuid.UUID
    file_name: str = Field(
        description="The uploaded name, cleaned of paths and control characters."
    )
    content_type: str = Field(
        description="Detected from the content: application/pdf, image/jpeg or image/png."
    )
    size: int = Field(description="Bytes; at most 10 MB (10,485,760).")
