// Images in studio drafts: adding them in the editor, the server's refusals, and upload progress on publish.
export const STUDIO_IMAGE_MESSAGES = {
  en: {
    "studio.image.add": "Add an image",
    "studio.image.hint":
      "Drop or paste images into the text, or choose a file. Location, camera and time data are removed in your browser before upload; the image stays private to this draft until it is published.",
    "studio.image.uploading": "Removing metadata and uploading {name}…",
    "studio.image.added": "Added {name} ({size} KB) without its metadata.",
    "studio.image.error.type": "{name}: only JPEG, PNG, WebP, GIF and AVIF images can be added.",
    "studio.image.error.tooLarge": "The image is larger than {limit} MB; nothing was stored.",
    "studio.image.error.wrongType": "That file is not a JPEG, PNG, WebP, GIF or AVIF image (checked by its content); nothing was stored.",
    "studio.image.error.malformed": "That image file is damaged or incomplete; nothing was stored.",
    "studio.image.error.avifMetadata":
      "This AVIF carries Exif or XMP metadata that cannot be removed safely: export it without metadata, or as JPEG, PNG or WebP. Nothing was stored.",
    "studio.image.error.notEditable": "Images can be added only while you are editing your own draft.",
    "studio.publish.uploads": "Uploads",
    "studio.publish.uploadReused": "already uploaded",
  },
  ko: {
    "studio.image.add": "이미지 추가",
    "studio.image.hint":
      "이미지를 본문에 끌어다 놓거나 붙여 넣거나, 파일을 고르세요. 위치·카메라·시각 정보는 업로드 전에 브라우저에서 지워지며, 이미지는 발행 전까지 이 초안에서만 보입니다.",
    "studio.image.uploading": "{name}의 메타데이터를 지우고 업로드하는 중…",
    "studio.image.added": "{name}({size} KB)을(를) 메타데이터 없이 추가했습니다.",
    "studio.image.error.type": "{name}: JPEG, PNG, WebP, GIF, AVIF 이미지만 추가할 수 있습니다.",
    "studio.image.error.tooLarge": "이미지가 {limit} MB보다 큽니다. 아무것도 저장하지 않았습니다.",
    "studio.image.error.wrongType":
      "이 파일은 (내용으로 확인한 결과) JPEG, PNG, WebP, GIF, AVIF 이미지가 아닙니다. 아무것도 저장하지 않았습니다.",
    "studio.image.error.malformed": "이미지 파일이 손상되었거나 불완전합니다. 아무것도 저장하지 않았습니다.",
    "studio.image.error.avifMetadata":
      "이 AVIF에는 안전하게 지울 수 없는 Exif 또는 XMP 메타데이터가 있습니다. 메타데이터 없이 내보내거나 JPEG, PNG, WebP로 저장하세요. 아무것도 저장하지 않았습니다.",
    "studio.image.error.notEditable": "이미지는 자신의 초안을 편집하는 동안에만 추가할 수 있습니다.",
    "studio.publish.uploads": "업로드",
    "studio.publish.uploadReused": "이미 업로드됨",
  },
} as const satisfies Record<"en" | "ko", Record<string, string>>;

export type StudioImageMessageKey = keyof (typeof STUDIO_IMAGE_MESSAGES)["en"];
